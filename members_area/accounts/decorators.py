"""Who may open a member-area view. Each view states it with one of these.

- `family_required`: a signed-in login; the view then fetches people only through
  `Person.objects.of_family(user)`, so another family's records are a 404.
- `staff_required`: club leaders and coordinators, with a second factor turned on
  (SecondFactorRequiredMiddleware reads `requires_second_factor`); the view fetches through
  querysets filtered by `managed_by(user)`.
- `coordinator_required`: coordinators only (exports, the online club's requests).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

family_required = login_required


def staff_view(test):
    """Signed in, allowed by `test` (else 403), and with a second factor turned on."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.requires_second_factor = True
        return login_required(wrapped)

    return decorator


staff_required = staff_view(lambda user: user.is_coordinator or bool(user.led_club_ids()))
coordinator_required = staff_view(lambda user: user.is_coordinator)
