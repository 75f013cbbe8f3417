"""Django's Paginator, presented as the NHS.UK numbered pagination component."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

PER_PAGE = 25


@dataclass
class PaginatedList:
    page: Page
    pagination: dict | None  # params for the NHS.UK pagination macro; None for one page

    @property
    def items(self):
        return self.page.object_list

    @property
    def total(self) -> int:
        return self.page.paginator.count


def _page_numbers(current: int, last: int) -> list[int | None]:
    """1 … 4 5 6 … 20: the first, last and neighbours of the current page; None is a gap."""
    wanted = {1, last, current - 1, current, current + 1}
    numbers: list[int | None] = []
    for number in range(1, last + 1):
        if number in wanted:
            numbers.append(number)
        elif numbers and numbers[-1] is not None:
            numbers.append(None)
    return numbers


def _href(request, param: str, number: int) -> str:
    query = request.GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}"


def paginate(request, items, *, param: str = "page", per_page: int = PER_PAGE, label="Pages"):
    page = Paginator(items, per_page).get_page(request.GET.get(param))
    if page.paginator.num_pages <= 1:
        return PaginatedList(page, None)
    pagination: dict = {
        "ariaLabel": label,
        "items": [
            {"ellipsis": True}
            if number is None
            else {
                "number": number,
                "href": _href(request, param, number),
                "current": number == page.number,
            }
            for number in _page_numbers(page.number, page.paginator.num_pages)
        ],
    }
    if page.has_previous():
        pagination["previous"] = {"href": _href(request, param, page.previous_page_number())}
    if page.has_next():
        pagination["next"] = {"href": _href(request, param, page.next_page_number())}
    return PaginatedList(page, pagination)
