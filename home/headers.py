"""Permissions-Policy on every answer: the browser features no page of the site uses are off,
so a script that got in (or a frame) cannot ask for the camera, the microphone or the place.

A view that needs one (a check-in desk reading cards with the phone's camera in the page)
sets its own header, which is kept.
"""

from django.conf import settings


def policy_header(policy):
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
