/**
 * Departments (forvaltninger), teams, staff users and roles, and the security set-up built on them.
 * Public API: {@link dk.vendepunkt.organisation.Role}, {@link dk.vendepunkt.organisation.StaffFunction},
 * {@link dk.vendepunkt.organisation.CurrentUser}, {@link dk.vendepunkt.organisation.StaffDirectory},
 * {@link dk.vendepunkt.organisation.StaffMember}, {@link dk.vendepunkt.organisation.Team},
 * {@link dk.vendepunkt.organisation.StaffAccountEvent} (sign-ins and administration, for the audit log),
 * {@link dk.vendepunkt.organisation.Department}. The security configuration, the password policy, the staff
 * store and administration are in {@code organisation.internal}; {@code CurrentUser} is implemented there
 * from Spring Security's context.
 */
package dk.vendepunkt.organisation;
