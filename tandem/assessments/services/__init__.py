"""Every write to a visit record, its family plan, attendance and feedback, and the audited
reads, go through the modules of this package:

- `attendance`: whether the family attended (moves the visit's status on);
- `records`: drafting, completing and amending the visit record, its versions;
- `plan`: the joint family plan's goals and actions, and action status updates;
- `feedback`: parents' and practitioners' feedback and its summary per area.

Each write takes an explicit actor (`by=`), validates everything before saving anything,
runs in one transaction with its audit event, and keeps history. Edits name the version the
editor started from; a stale edit raises EditConflictError (and is itself audited).
"""
