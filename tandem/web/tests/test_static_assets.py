"""The vendored NHS.UK frontend and htmx are complete, load nothing from elsewhere, and
work under the Content-Security-Policy."""

import base64
import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

import tandem.web

STATIC = Path(tandem.web.__file__).resolve().parent / "static"
FRONTEND = STATIC / "vendor" / "nhsuk-frontend"
HTMX = STATIC / "vendor" / "htmx"


def _page_template() -> str:
    import nhsuk_frontend_jinja

    root = Path(nhsuk_frontend_jinja.__file__).resolve().parent
    return (root / "templates" / "nhsuk" / "template.jinja").read_text(encoding="utf-8")


def test_vendored_frontend_is_complete_with_version_and_licence():
    assert (FRONTEND / "VERSION").read_text().strip() == "10.6.1"
    for name in ("nhsuk-frontend.min.css", "nhsuk-frontend.min.js", "LICENCE", "README.md"):
        assert (FRONTEND / name).is_file(), name
    assert "MIT License" in (FRONTEND / "LICENCE").read_text()
    assert "export{" in (FRONTEND / "nhsuk-frontend.min.js").read_text()  # an ES module
    assert "initAll" in (FRONTEND / "nhsuk-frontend.min.js").read_text()


def test_vendored_htmx_is_present_with_licence():
    assert (HTMX / "VERSION").read_text().startswith("2.")
    assert (HTMX / "htmx.min.js").is_file()
    assert "Zero-Clause BSD" in (HTMX / "LICENCE").read_text()


def test_css_loads_nothing_from_another_site_and_every_image_exists():
    css = (FRONTEND / "nhsuk-frontend.min.css").read_text()
    assert "http://" not in css and "https://" not in css
    assert "@font-face" not in css
    for url in re.findall(r"url\(([^)]+)\)", css):
        if url.startswith("data:"):
            continue
        assert (FRONTEND / url.strip("'\"")).is_file(), url


def test_page_template_icons_and_manifest_exist():
    for name in re.findall(r"\{\{ assetPath \}\}/([\w./-]+)", _page_template()):
        assert (FRONTEND / "assets" / name).is_file(), name


def test_static_files_are_found_by_django():
    for path in (
        "vendor/nhsuk-frontend/nhsuk-frontend.min.css",
        "vendor/nhsuk-frontend/assets/images/favicon.ico",
        "vendor/htmx/htmx.min.js",
        "web/tandem.js",
        "web/tandem.css",
    ):
        assert finders.find(path), path


def test_our_script_initialises_nhsuk_frontend_from_the_vendored_module():
    script = (STATIC / "web" / "tandem.js").read_text()
    assert 'from "../vendor/nhsuk-frontend/nhsuk-frontend.min.js"' in script
    assert "initAll()" in script


def test_csp_hash_matches_the_page_template_inline_script():
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", _page_template(), flags=re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    allowed = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
    assert f"'sha256-{digest}'" in allowed
    assert "'unsafe-inline'" not in allowed


def test_pages_have_no_inline_styles_or_other_inline_scripts(client, personas):
    client.force_login(personas.midwife)
    for url in (
        reverse("web:home"),
        reverse("web:woman", args=[personas.woman.pk]),
        reverse("web:booking-new"),
    ):
        page = client.get(url).content.decode()
        assert " style=" not in page
        assert "<style" not in page
        inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page)
        assert len(inline) == 1, url  # only the template's hashed one-liner
        assert 'rel="icon"' in page


def test_pages_send_the_content_security_policy(client, personas):
    client.force_login(personas.midwife)
    policy = client.get(reverse("web:home"))["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in policy
    assert "style-src 'self'" in policy
