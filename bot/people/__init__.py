"""People and their roles: who is acting, invitations, staff administration, unit groups, menus."""
