"""Scheduling services: calendars (working hours, busy periods, .ics import), slot proposals,
booking, rescheduling and cancelling visits, and the private iCalendar feed.

Every write takes an explicit actor (`by=`), runs in one transaction with its audit event,
and raises django ValidationError keyed by field with plain-English messages.
"""
