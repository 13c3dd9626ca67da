import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kawal.settings")
django_application = get_wsgi_application()

# Token-authenticated report intake is answered before Django's middleware; the rest passes through.
from kawal.supervision.fastpath import IntakeFastPath  # noqa: E402 - needs Django set up

application = IntakeFastPath(django_application)
