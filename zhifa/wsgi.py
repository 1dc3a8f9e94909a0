import os

from django.core.wsgi import get_wsgi_application

# A server started without settings gets production settings (DEBUG off, secrets from the
# environment), never the development defaults.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhifa.settings.production")
application = get_wsgi_application()
