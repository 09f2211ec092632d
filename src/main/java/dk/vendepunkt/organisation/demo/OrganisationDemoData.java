package dk.vendepunkt.organisation.demo;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.BootstrapAdmin;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.platform.DemoData;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Demo teams and one or more demo users per role (fake names; passwords generated). */
@Component
class OrganisationDemoData implements DemoData {

    private final StaffAdministration admin;

    OrganisationDemoData(StaffAdministration admin) {
        this.admin = admin;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load(DemoContext ctx) {
        long exit = admin.createTeam("Exit-teamet", "SOF", "Exitprogrammet: exitkoordinatorer og mentorer");
        long ssp = admin.createTeam("SSP+ Nord", "SOF", "SSP+-konsulenter, bydelene Nord");
        long ssp2 = admin.createTeam("SSP+ Syd", "SOF", "SSP+-konsulenter, bydelene Syd");
        long core = admin.createTeam("Kerneteam Vest", "BUF", "Tværfagligt kerneteam (familieorienteret model)");
        user(ctx, "PROGRAMME_MANAGER", "leder", "Lone Programleder", EnumSet.of(Role.PROGRAMME_MANAGER),
                EnumSet.noneOf(StaffFunction.class), Set.of(exit, ssp, ssp2, core));
        // the core team of the family-oriented model: five members from BUF (one of them SSP), SOF and BIF (seed 003)
        long karen = user(ctx, "CASEWORKER (kerneteam)", "kerneteam", "Karen Kerneteam", EnumSet.of(Role.CASEWORKER),
                EnumSet.of(StaffFunction.CORE_TEAM_MEMBER), Set.of(core));
        admin.setDepartment(karen, "BUF");
        String[][] members = {{"kt-sof", "Søren Socialrådgiver", "SOF"}, {"kt-bif", "Birgitte Beskæftigelse", "BIF"},
                {"kt-ssp", "Samir SSP-konsulent", "BUF"}, {"kt-sof2", "Signe Familiebehandler", "SOF"}};
        for (String[] m : members) {
            long id = admin.createUser(new StaffAdministration.NewUser(m[0], m[1], m[0] + "@demo.vendepunkt.invalid", BootstrapAdmin.randomPassword(),
                    EnumSet.of(Role.CASEWORKER), m[0].equals("kt-ssp") ? EnumSet.of(StaffFunction.CORE_TEAM_MEMBER, StaffFunction.SSP_CONSULTANT)
                            : EnumSet.of(StaffFunction.CORE_TEAM_MEMBER), Set.of(core)));
            admin.setDepartment(id, m[2]);
        }
        user(ctx, "CASEWORKER", "exit", "Emil Exitkoordinator", EnumSet.of(Role.CASEWORKER),
                EnumSet.of(StaffFunction.EXIT_EXPERT, StaffFunction.COORDINATOR), Set.of(exit));
        user(ctx, "CASEWORKER", "ssp", "Sara SSP-konsulent", EnumSet.of(Role.CASEWORKER),
                EnumSet.of(StaffFunction.SSP_CONSULTANT), Set.of(ssp));
        user(ctx, "CASEWORKER", "mentor", "Mads Mentor", EnumSet.of(Role.CASEWORKER),
                EnumSet.of(StaffFunction.MENTOR), Set.of(exit));
        user(ctx, "ANALYST", "analytiker", "Anna Analytiker", EnumSet.of(Role.ANALYST),
                EnumSet.noneOf(StaffFunction.class), Set.of());
        user(ctx, "READER", "udvalg", "Ulla Udvalgsmedlem", EnumSet.of(Role.READER),
                EnumSet.noneOf(StaffFunction.class), Set.of());
        user(ctx, "DPO", "dpo", "Dina Databeskyttelsesrådgiver", EnumSet.of(Role.DPO),
                EnumSet.noneOf(StaffFunction.class), Set.of());
        user(ctx, "ADMIN", "demoadmin", "Dorte Administrator", EnumSet.of(Role.ADMIN),
                EnumSet.noneOf(StaffFunction.class), Set.of());
    }

    private long user(DemoContext ctx, String label, String username, String name, Set<Role> roles,
                      Set<StaffFunction> functions, Set<Long> teams) {
        String password = BootstrapAdmin.randomPassword();
        long id = admin.createUser(new StaffAdministration.NewUser(username, name, username + "@demo.vendepunkt.invalid",
                password, roles, functions, teams));
        ctx.login(label, username, password);
        return id;
    }
}
