package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Department;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of staff users and teams (tables org_*). */
@Repository
public class JdbcStaffRepository implements StaffDirectory {

    private final JdbcClient jdbc;

    JdbcStaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param credentialsVersion raised whenever the password is set: sessions signed in with an older one end */
    record Credentials(long id, String username, String passwordHash, boolean enabled, int failedLogins,
                       Instant lockedUntil, Set<Role> roles, int credentialsVersion) {}

    static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> out = EnumSet.noneOf(type);
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add(Enum.valueOf(type, (String) o));
            }
        }
        return out;
    }

    private Map<Long, Set<Long>> memberships() {
        Map<Long, Set<Long>> m = new HashMap<>();
        jdbc.sql("select user_id, team_id from org_team_member").query((rs, i) -> {
            m.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            return null;
        }).list();
        return m;
    }

    /** The user's row with their teams in one query (a second query inside the row mapper would need a second connection). */
    private static final String WITH_TEAMS = "select u.*, array(select team_id from org_team_member m where m.user_id = u.id) as team_ids from org_user u";

    private StaffMember withTeams(ResultSet rs, int i) throws SQLException {
        return member(rs, Set.of((Long[]) rs.getArray("team_ids").getArray()));
    }

    private StaffMember member(ResultSet rs, Set<Long> teams) throws SQLException {
        return new StaffMember(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getBoolean("enabled"),
                enums(rs.getArray("roles"), Role.class), enums(rs.getArray("functions"), StaffFunction.class),
                Set.copyOf(teams), rs.getString("department_code"));
    }

    @Override
    public Optional<StaffMember> find(long userId) {
        return jdbc.sql(WITH_TEAMS + " where u.id = ?").param(userId).query(this::withTeams).optional();
    }

    @Override
    public Optional<StaffMember> findByUsername(String username) {
        return jdbc.sql(WITH_TEAMS + " where u.username = ?").param(username).query(this::withTeams).optional();
    }

    @Override
    public List<StaffMember> all() {
        Map<Long, Set<Long>> m = memberships();
        return jdbc.sql("select * from org_user order by display_name")
                .query((rs, i) -> member(rs, m.getOrDefault(rs.getLong("id"), Set.of()))).list();
    }

    @Override
    public List<Team> teams() {
        return jdbc.sql("select * from org_team order by name").query(JdbcStaffRepository::team).list();
    }

    @Override
    public Optional<Team> team(long teamId) {
        return jdbc.sql("select * from org_team where id = ?").param(teamId).query(JdbcStaffRepository::team).optional();
    }

    private static Team team(ResultSet rs, int i) throws SQLException {
        return new Team(rs.getLong("id"), rs.getString("name"), rs.getString("department_code"),
                rs.getString("description"), rs.getInt("version"));
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("""
                select id, username, password_hash, enabled, failed_logins, locked_until, roles, credentials_version
                  from org_user where username = ?""")
                .param(username)
                .query((rs, i) -> {
                    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
                    return new Credentials(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                            rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                            locked == null ? null : locked.toInstant(), enums(rs.getArray("roles"), Role.class),
                            rs.getInt("credentials_version"));
                }).optional();
    }

    long countUsers() {
        return jdbc.sql("select count(*) from org_user").query(Long.class).single();
    }

    long insertUser(String username, String displayName, String email, String hash, Set<Role> roles, Set<StaffFunction> functions) {
        return jdbc.sql("""
                insert into org_user (username, display_name, email, password_hash, roles, functions)
                values (?, ?, ?, ?, ?::text[], ?::text[]) returning id""")
                .params(username, displayName, email, hash, pgArray(roles), pgArray(functions))
                .query(Long.class).single();
    }

    /** @return rows updated: 0 when the version is stale */
    int updateUser(long id, int version, String displayName, String email, boolean enabled, Set<Role> roles, Set<StaffFunction> functions) {
        return jdbc.sql("""
                update org_user set display_name = ?, email = ?, enabled = ?, roles = ?::text[], functions = ?::text[],
                       version = version + 1
                 where id = ? and version = ?""")
                .params(displayName, email, enabled, pgArray(roles), pgArray(functions), id, version).update();
    }

    /**
     * A staff account created at a single sign-on ({@link SsoProvisioning}): its password hash matches no password
     * anyone knows, and it records the identity provider that created it.
     */
    long insertSsoUser(String username, String displayName, String email, String unusableHash, Set<Role> roles, String issuer) {
        return jdbc.sql("""
                insert into org_user (username, display_name, email, password_hash, roles, functions, sso_issuer)
                values (?, ?, ?, ?, ?::text[], '{}', ?) returning id""")
                .params(username, displayName, email, unusableHash, pgArray(roles), issuer)
                .query(Long.class).single();
    }

    /** The identity provider that created the account: empty for a local account (or an unknown username). */
    Optional<String> ssoIssuer(long id) {
        return jdbc.sql("select sso_issuer from org_user where id = ?").param(id).query(String.class).optional();
    }

    /** An SSO account's name, e-mail and roles as its identity provider says at sign-in (its functions and state stay). */
    void updateSsoUser(long id, String displayName, String email, Set<Role> roles) {
        jdbc.sql("""
                update org_user set display_name = ?, email = ?, roles = ?::text[], version = version + 1
                 where id = ? and (display_name, coalesce(email, ''), roles) is distinct from (?, coalesce(?, ''), ?::text[])""")
                .params(displayName, email, pgArray(roles), id, displayName, email, pgArray(roles)).update();
    }

    public int userVersion(long id) {
        return jdbc.sql("select version from org_user where id = ?").param(id).query(Integer.class).optional().orElse(-1);
    }

    /** Sets the password hash, lifts a lock-out and raises the credentials version; @return the new version */
    int setPassword(long id, String hash) {
        return jdbc.sql("""
                update org_user set password_hash = ?, failed_logins = 0, locked_until = null,
                       credentials_version = credentials_version + 1
                 where id = ? returning credentials_version""").params(hash, id).query(Integer.class).single();
    }

    void setTeams(long userId, Set<Long> teamIds) {
        jdbc.sql("delete from org_team_member where user_id = ?").param(userId).update();
        for (Long t : teamIds) {
            jdbc.sql("insert into org_team_member (team_id, user_id) values (?, ?)").params(t, userId).update();
        }
    }

    long insertTeam(String name, String department, String description) {
        return jdbc.sql("insert into org_team (name, department_code, description) values (?, ?, ?) returning id")
                .params(name, department, description).query(Long.class).single();
    }

    int updateTeam(long id, int version, String name, String department, String description) {
        return jdbc.sql("update org_team set name = ?, department_code = ?, description = ?, version = version + 1 where id = ? and version = ?")
                .params(name, department, description, id, version).update();
    }

    List<Department> departments() {
        return jdbc.sql("select code, name from org_department order by code")
                .query((rs, i) -> new Department(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Counts a login attempt before its password is checked, in one statement (the row lock orders
     * parallel attempts): the count goes up by one (starting again after an expired lock), and the
     * attempt that reaches {@code maxFailures} locks the account. A locked account is not counted.
     *
     * @return the attempt's number, or empty when the account is locked (the password must not be checked)
     */
    Optional<Integer> claimLoginAttempt(String username, int maxFailures, int lockMinutes) {
        return jdbc.sql("""
                update org_user set
                       failed_logins = case when locked_until <= now() then 1 else failed_logins + 1 end,
                       locked_until = case when (case when locked_until <= now() then 1 else failed_logins + 1 end) >= ?
                                           then now() + make_interval(mins => ?) end
                 where username = ? and (locked_until is null or locked_until <= now())
                returning failed_logins""").params(maxFailures, lockMinutes, username).query(Integer.class).optional();
    }

    /** After a correct password: the count of failed attempts starts again, a lock is lifted. */
    void recordSuccess(String username) {
        jdbc.sql("update org_user set failed_logins = 0, locked_until = null where username = ? and (failed_logins > 0 or locked_until is not null)")
                .param(username).update();
    }

    static String pgArray(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    static Set<Role> parseRoles(String... names) {
        return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    void setDepartment(long userId, String departmentCode) {
        jdbc.sql("update org_user set department_code = ?, version = version + 1 where id = ?").params(departmentCode, userId).update();
    }
}
