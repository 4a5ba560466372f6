"""The security ruleset (SF200-SF229): API-security checks in the spirit of the OWASP API Security Top 10."""
