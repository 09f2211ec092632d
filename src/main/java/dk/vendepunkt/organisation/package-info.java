/**
 * Departments (forvaltninger), teams, staff users and roles, and the security set-up built on them.
 * Public API: {@link dk.vendepunkt.organisation.Role}, {@link dk.vendepunkt.organisation.StaffFunction},
 * {@link dk.vendepunkt.organisation.CurrentUser}, {@link dk.vendepunkt.organisation.StaffDirectory},
 * {@link dk.vendepunkt.organisation.StaffMember}, {@link dk.vendepunkt.organisation.Team}.
 */
package dk.vendepunkt.organisation;
