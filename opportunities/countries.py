"""Host countries of opportunities: a short European list, named in the visitor's language.

Django has no country list and the site needs only Europe and its neighbours, so this is
kept here: ISO 3166-1 alpha-2 codes as stored values (Kosovo has none; "XK" is the code the
European Commission and most registries use), and "other" for anywhere else.
"""

from django.utils.translation import gettext_lazy as _

from home.collation import latvian_order

OTHER_COUNTRY = "other"

COUNTRIES = [
    # The European Union
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("BG", _("Bulgaria")),
    ("HR", _("Croatia")),
    ("CY", _("Cyprus")),
    ("CZ", _("Czechia")),
    ("DK", _("Denmark")),
    ("EE", _("Estonia")),
    ("FI", _("Finland")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("GR", _("Greece")),
    ("HU", _("Hungary")),
    ("IE", _("Ireland")),
    ("IT", _("Italy")),
    ("LV", _("Latvia")),
    ("LT", _("Lithuania")),
    ("LU", _("Luxembourg")),
    ("MT", _("Malta")),
    ("NL", _("Netherlands")),
    ("PL", _("Poland")),
    ("PT", _("Portugal")),
    ("RO", _("Romania")),
    ("SK", _("Slovakia")),
    ("SI", _("Slovenia")),
    ("ES", _("Spain")),
    ("SE", _("Sweden")),
    # The rest of the European Economic Area
    ("IS", _("Iceland")),
    ("LI", _("Liechtenstein")),
    ("NO", _("Norway")),
    # Neighbours and Erasmus+ / European Solidarity Corps partner countries
    ("GB", _("United Kingdom")),
    ("CH", _("Switzerland")),
    ("UA", _("Ukraine")),
    ("GE", _("Georgia")),
    ("AM", _("Armenia")),
    ("MD", _("Moldova")),
    ("TR", _("Türkiye")),
    ("RS", _("Serbia")),
    ("MK", _("North Macedonia")),
    ("AL", _("Albania")),
    ("ME", _("Montenegro")),
    ("BA", _("Bosnia and Herzegovina")),
    ("XK", _("Kosovo")),
    (OTHER_COUNTRY, _("Other country")),
]

COUNTRY_NAMES = dict(COUNTRIES)


def sorted_countries(codes):
    """(code, name) of these codes by name in the active language, "other" last."""
    return sorted(
        ((code, COUNTRY_NAMES[code]) for code in codes if code in COUNTRY_NAMES),
        key=lambda pair: (pair[0] == OTHER_COUNTRY, latvian_order(pair[1])),
    )
