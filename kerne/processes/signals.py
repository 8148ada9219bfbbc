"""What happens to a process that the apps above it act on.

`processes` sits below `participation` and `themes`, so it cannot call them; it
sends these signals inside the service's transaction, and each higher app
connects its receiver in its `AppConfig.ready`. A receiver that fails rolls the
change back, as a direct call did.
"""

from __future__ import annotations

from django.dispatch import Signal

# A round was created (participation gives each stakeholder group its invitation).
# Arguments: round_.
round_created = Signal()

# A stakeholder group was added (participation invites it to every round).
# Arguments: group.
group_added = Signal()

# A round was closed (themes queues its analysis). Arguments: round_.
round_closed = Signal()
