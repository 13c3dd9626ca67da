"""Thin views: fetch within scope, hand the input to a service, show the result."""
