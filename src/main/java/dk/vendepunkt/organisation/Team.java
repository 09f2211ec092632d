package dk.vendepunkt.organisation;

/** A team of staff; persons and forløb belong to teams. */
public record Team(long id, String name, String departmentCode, String description, int version) {

    /** The department as Danish documents write it (ØKF for OKF). */
    public String departmentLabel() {
        return Department.label(departmentCode);
    }
}
