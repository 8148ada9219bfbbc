"""Facilitator views of invitations: QR code, printable sheet, on/off."""

from __future__ import annotations

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kerne.lib.http import AuthedRequest
from kerne.participation.access import access_invitation
from kerne.participation.services import set_invitation_state


def _qr_svg(url: str) -> str:
    buffer = io.BytesIO()
    # Error correction M survives a smudged print; scale keeps the SVG crisp at any size.
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=8, border=2, xmldecl=False, svgns=True, title=url
    )
    return buffer.getvalue().decode()


@login_required
def invitation_qr(request: AuthedRequest, pk: int) -> HttpResponse:
    invitation = access_invitation(request.user, pk)
    url = request.build_absolute_uri(invitation.get_absolute_url())
    response = HttpResponse(_qr_svg(url), content_type="image/svg+xml")
    response["Content-Disposition"] = (
        f'inline; filename="kerne-qr-{invitation.group.key}.svg"'
    )
    return response


@login_required
def invitation_print(request: AuthedRequest, pk: int) -> HttpResponse:
    invitation = access_invitation(request.user, pk)
    url = request.build_absolute_uri(invitation.get_absolute_url())
    context = {
        "invitation": invitation,
        "round": invitation.round,
        "process": invitation.round.process,
        "url": url,
    }
    return render(request, "participation/invitation_print.html", context)


@login_required
@require_POST
def invitation_toggle(request: AuthedRequest, pk: int) -> HttpResponse:
    invitation = access_invitation(request.user, pk)
    set_invitation_state(invitation, is_active=not invitation.is_active)
    if invitation.is_active:
        messages.success(
            request,
            _("The link for %(group)s works again.") % {"group": invitation.group.name},
        )
    else:
        messages.success(
            request,
            _("The link for %(group)s no longer works.")
            % {"group": invitation.group.name},
        )
    return redirect(invitation.round)
