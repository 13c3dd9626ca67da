from importlib.util import find_spec

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("", include("kawal.core.urls")),
    path("akun/", include("kawal.accounts.urls")),
    path("wilayah/", include("kawal.regions.urls")),
    path("pemilihan/", include("kawal.elections.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
]

# Domain apps that arrive with their own issues bring a urls.py mounted here.
_MOUNTS = {
    "cases": "kasus/",
    "coordination": "koordinasi/",
    "supervision": "pengawasan/",
    "risk": "kerawanan/",
    "triage": "triase/",
    "api": "api/",
    "portal": "publik/",
}
for _app, _prefix in _MOUNTS.items():
    if f"kawal.{_app}" not in settings.INSTALLED_APPS or find_spec(f"kawal.{_app}.urls") is None:
        continue
    urlpatterns.append(path(_prefix, include(f"kawal.{_app}.urls")))
    # An app's REST endpoints (DRF) live in its api_urls.py, mounted under /api/v1/<app>/.
    if find_spec(f"kawal.{_app}.api_urls") is not None:
        urlpatterns.append(path(f"api/v1/{_prefix}", include(f"kawal.{_app}.api_urls")))
