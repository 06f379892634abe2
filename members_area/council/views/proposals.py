"""Improvement proposals: any member proposes; council members comment and vote; coordinators
(and the council's chair) move them on. Proposals are fetched through
`services.visible_proposals` (the council and coordinators: all; a family: its own), so
anyone else gets a 404; acting without the right is a 403."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import checked_field
from members_area.council import services
from members_area.council.decorators import council_required, member_required
from members_area.council.forms import CommentForm, ProposalForm, StateChangeForm, VoteForm
from members_area.council.models import Proposal, ProposalVote

PROPOSALS_PER_PAGE = 25


def visible_proposal(request, pk):
    return get_object_or_404(
        services.visible_proposals(request.user).select_related("person"), pk=pk
    )


@member_required
@never_cache
def proposal_list(request):
    """The council and coordinators: every proposal, by state; others: their own."""
    proposals = (
        services.visible_proposals(request.user)
        .select_related("person")
        .annotate(comment_count=Count("comments", distinct=True))
        .order_by("-submitted_at", "-pk")
    )
    state = request.GET.get("state", "")
    if state in Proposal.State.values:
        proposals = proposals.filter(state=state)
    page_obj = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "council/proposal_list.html",
        {
            "page_obj": page_obj,
            "states": Proposal.State.choices,
            "state": state,
            "in_council": services.may_see_council(request.user),
        },
    )


@member_required
@never_cache
def proposal_new(request):
    people = services.proposers(request.user)
    form = ProposalForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        proposal = services.submit_proposal(
            by=request.user, person=data["person"], title=data["title"], text=data["text"]
        )
        messages.success(request, _("Thank you: the proposal is sent to the youth council."))
        return redirect("council:proposal", pk=proposal.pk)
    return render(request, "council/proposal_form.html", {"form": form, "people": people})


@member_required
@never_cache
def proposal_detail(request, pk):
    proposal = visible_proposal(request, pk)
    user = request.user
    context = {
        "proposal": proposal,
        "changes": proposal.changes.select_related("by"),
        "in_council": services.may_see_council(user),
    }
    if context["in_council"]:
        membership = services.council_membership(user)
        my_vote = proposal.votes.filter(person=membership.person).first() if membership else None
        context.update(
            comments=proposal.comments.select_related("person", "written_by"),
            tally=proposal.votes.aggregate(
                **{
                    choice: Count("pk", filter=Q(choice=choice))
                    for choice in ProposalVote.Choice.values
                }
            ),
            turnout=services.turnout(proposal) if proposal.voting_is_open else None,
            may_vote=membership is not None and proposal.voting_is_open,
            my_vote=my_vote,
            vote_form=VoteForm(initial={"choice": my_vote.choice if my_vote else None}),
            comment_form=CommentForm(),
            actions=services.available_actions(user, proposal),
            state_form=StateChangeForm(),
        )
    return render(request, "council/proposal_detail.html", context)


def _report(request, error):
    for message in error.messages:
        messages.error(request, message)


@council_required
@require_POST
def comment(request, pk):
    proposal = visible_proposal(request, pk)
    if not services.may_comment(request.user):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(proposal, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            _report(request, error)
        else:
            messages.success(request, _("Your comment is added."))
    else:
        messages.error(request, _("Write the comment (at most 3000 characters)."))
    return redirect("council:proposal", pk=proposal.pk)


@council_required
@require_POST
def vote(request, pk):
    proposal = visible_proposal(request, pk)
    if not services.is_council_member(request.user):
        raise PermissionDenied
    try:
        services.cast_vote(proposal, by=request.user, choice=request.POST.get("choice", ""))
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request, _("Your vote is counted. You may change it while voting is open.")
        )
    return redirect("council:proposal", pk=proposal.pk)


@council_required
@require_POST
def change_state(request, pk):
    proposal = visible_proposal(request, pk)
    if not services.may_steer(request.user):
        raise PermissionDenied
    action = request.POST.get("action", "")
    if action not in services.ACTIONS:
        raise Http404
    try:
        comment = checked_field(StateChangeForm(request.POST), "comment")
        change = services.change_state(proposal, action, by=request.user, comment=comment)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request,
            _("The proposal is now: %(state)s.") % {"state": Proposal.State(change.to_state).label},
        )
    return redirect("council:proposal", pk=proposal.pk)
