"""Find a woman by NHS number or name, among the women the user may see (audited)."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from tandem.core.roles import Permission
from tandem.records import services
from tandem.web.forms.records import SearchForm
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.search import RESULT_LIMIT, results_table, searchable_women
from tandem.web.views.decorators import permission_required


@permission_required(Permission.VIEW_PERSON_RECORDS)
def search(request):
    form = SearchForm(request.GET or None)
    query, results = "", []
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        results = services.search_women(
            by=request.user,
            women=searchable_women(request.user),
            query=query,
            limit=RESULT_LIMIT,
        )
    context = {
        "page_title": "Find a woman",
        "form": PresentedForm(form),
        "query": query,
        "results": results_table(results, query),
    }
    # htmx asks for the results alone as she types; without JavaScript she gets the page.
    partial = request.headers.get("HX-Request") == "true"
    template = "web/search/results.jinja" if partial else "web/search/page.jinja"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
