"""Who may open a council view, beside members_area.accounts.decorators.

- `member_required`: any signed-in login. Coordinators see other people's proposals through
  these views, so the view asks for the second factor of logins that must have one
  (SecondFactorRequiredMiddleware asks nothing of families and youths).
- `council_required`: the council's current members (through their own login) and
  coordinators; anyone else signed in gets a 403.
"""

from members_area.accounts.decorators import staff_view
from members_area.council import services

member_required = staff_view(lambda user: True)
council_required = staff_view(services.may_see_council)
