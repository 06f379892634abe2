"""The public club finder: active local clubs by region and municipality, and the online one.

Used by ClubFinderPage. A fixed number of queries whatever the number of clubs: the regions'
names, the municipalities, the clubs (with their municipality) and the online club.
"""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from home.collation import latvian_order
from home.filters import ListFilterForm
from home.models import Municipality, Region
from members_area.clubs.models import Club


class ClubFilterForm(ListFilterForm):
    """Region and municipality, read from the address: a plain form that needs no JavaScript.

    The municipalities offered are those of the region chosen (all of them, grouped by region,
    when none is). A value that is not known is reported and left out of the filtering.
    """

    region = forms.ChoiceField(label=_("Region"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(self, data, *, locale_id):
        super().__init__(data or None)
        self.region_names = dict(Region.objects.choices_in(locale_id))
        self.municipalities = sorted(
            Municipality.objects.select_related("region"), key=lambda m: latvian_order(m.name)
        )
        self.municipality_by_slug = {m.slug: m for m in self.municipalities}
        everything = [("", _("All"))]
        grouped = [
            (name, [(m.slug, m.name) for m in self.municipalities if m.region.slug == slug])
            for slug, name in self.region_names.items()
        ]
        self.fields["region"].choices = everything + list(self.region_names.items())
        self.fields["municipality"].choices = everything + grouped
        region = self.data.get("region") if self.is_bound else None
        if region in self.region_names:
            # Only the list shown is narrowed: a municipality of another region is still
            # recognised, and told apart from an unknown one (see clean).
            self.fields["municipality"].widget.choices = everything + [
                (m.slug, m.name) for m in self.municipalities if m.region.slug == region
            ]

    def clean(self):
        cleaned_data = super().clean()
        region, slug = cleaned_data.get("region"), cleaned_data.get("municipality")
        if region and slug and self.municipality_by_slug[slug].region.slug != region:
            self.add_error(
                "municipality",
                _("%(municipality)s is not in %(region)s.")
                % {
                    "municipality": self.municipality_by_slug[slug].name,
                    "region": self.region_names[region],
                },
            )
        return cleaned_data


@dataclass
class MunicipalityGroup:
    municipality: Municipality
    clubs: list = field(default_factory=list)


@dataclass
class RegionGroup:
    slug: str
    name: str
    municipalities: list = field(default_factory=list)

    @property
    def count(self):
        return sum(len(group.clubs) for group in self.municipalities)


@dataclass
class ClubFinder:
    """What the finder shows: the filter form, the clubs found by region, the online club."""

    form: ClubFilterForm
    regions: list
    online_club: Club | None
    region_name: str = ""
    municipality: Municipality | None = None

    @property
    def filtered(self):
        return self.form.is_filtered

    @property
    def count(self):
        return sum(region.count for region in self.regions)

    @property
    def offers_online_club(self):
        """Nothing near: the online mazpulks is offered in place of the empty list."""
        return self.online_club is not None and self.count == 0


def find_clubs(data, *, locale_id):
    """Active local clubs matching the filters in `data` (a QueryDict), grouped for showing.

    Regions come in their order, municipalities and clubs alphabetically (in Latvian order).
    """
    form = ClubFilterForm(data, locale_id=locale_id)
    filters = form.valid_filters()
    clubs = Club.objects.active().local().select_related("municipality__region")
    if "region" in filters:
        clubs = clubs.filter(municipality__region__slug=filters["region"])
    if "municipality" in filters:
        clubs = clubs.filter(municipality__slug=filters["municipality"])

    groups = {}  # municipality id -> MunicipalityGroup
    for club in sorted(clubs, key=lambda club: latvian_order(club.name)):
        groups.setdefault(club.municipality_id, MunicipalityGroup(club.municipality))
        groups[club.municipality_id].clubs.append(club)
    regions = []
    for slug, name in form.region_names.items():
        in_region = [group for group in groups.values() if group.municipality.region.slug == slug]
        if in_region:
            in_region.sort(key=lambda group: latvian_order(group.municipality.name))
            regions.append(RegionGroup(slug, name, in_region))

    municipality = form.municipality_by_slug.get(filters.get("municipality"))
    region_slug = municipality.region.slug if municipality else filters.get("region")
    return ClubFinder(
        form=form,
        regions=regions,
        online_club=Club.objects.online().active().first(),
        region_name=form.region_names.get(region_slug, ""),
        municipality=municipality,
    )
