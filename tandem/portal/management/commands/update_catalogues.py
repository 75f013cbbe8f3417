"""python manage.py update_catalogues: the portal's .po files in line with its sources,
compiled to .mo (see tandem.portal.catalogues and docs/i18n.md)."""

from django.core.management.base import BaseCommand

from tandem.portal.catalogues import (
    compile_catalogue,
    source_messages,
    translated_languages,
    update_catalogue,
)


class Command(BaseCommand):
    help = "Add new portal strings to each language's catalogue, drop unused ones, compile."

    def handle(self, *args, **options):
        messages = source_messages()
        for language in translated_languages():
            missing = update_catalogue(language, messages)
            compile_catalogue(language)
            state = f"{len(missing)} to translate" if missing else "complete"
            self.stdout.write(f"{language}: {len(messages)} messages, {state}")
