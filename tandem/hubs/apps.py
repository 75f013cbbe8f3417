from django.apps import AppConfig


class HubsConfig(AppConfig):
    name = "tandem.hubs"
    label = "hubs"
    verbose_name = "Community hubs and onward referrals"
