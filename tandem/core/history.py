"""Saving a versioned record so its history row names who changed it, and why."""


def save_with_history(instance, *, by, reason: str = "") -> None:
    """Save `instance`; django-simple-history's new version records `by` (and `reason`)."""
    instance._history_user = by
    if reason:
        instance._change_reason = reason
    instance.save()


def delete_with_history(instance, *, by, reason: str = "") -> None:
    """Delete `instance`; the history's deletion row records `by` (and `reason`)."""
    instance._history_user = by
    if reason:
        instance._change_reason = reason
    instance.delete()
