#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mazpulki.settings")
    if "DJANGO_SECRET_KEY" not in os.environ:
        # Nothing configured: a developer's checkout (a production environment always sets
        # a secret key, and then DJANGO_DEBUG decides). The web server's wsgi.py never
        # does this.
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
