"""The working group's overview: what the network agreed and what is still open (issue 27)."""
