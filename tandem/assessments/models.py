"""Visit records: My World Triangle, Risk and Resilience Matrix, joint family plan."""
