"""Netwerksite: websites, agendas, newsletters and feeds for regional education networks."""
