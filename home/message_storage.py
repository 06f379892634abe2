"""Messages ("Anna's application was sent") kept in the session, on the server.

In Django's cookie they would travel readable (signed, not encrypted), and Django clears that
cookie without the Secure flag. Unlike Django's SessionStorage, a visitor without a session is
not given one, nor is the session read for him: reading it adds `Vary: Cookie`, and a public
page that varies on the cookie can be kept by no cache.
"""

from django.conf import settings
from django.contrib.messages.storage.session import SessionStorage


class SessionMessageStorage(SessionStorage):
    def _has_session(self):
        return settings.SESSION_COOKIE_NAME in self.request.COOKIES

    def _get(self, *args, **kwargs):
        if not self._has_session():
            return [], True
        return super()._get(*args, **kwargs)

    def _store(self, messages, response, *args, **kwargs):
        if not messages and not self._has_session():
            return []
        return super()._store(messages, response, *args, **kwargs)
