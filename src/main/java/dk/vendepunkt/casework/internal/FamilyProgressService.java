package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.ProgressScales.Measurement;
import dk.vendepunkt.casework.ProgressScales.NewMeasurement;
import dk.vendepunkt.casework.ProgressScales.Occasion;
import dk.vendepunkt.casework.ProgressScales.ProgressChart;
import dk.vendepunkt.casework.ProgressScales.Scale;
import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress measurement on a family case (issue 13 part 7): per current member the scales that apply to them (a child's
 * scales to a member with relation CHILD, a parent's to a mother, father or guardian), the measurements and a chart per
 * child. The case's access check and audit through {@link FamilyCaseService} (a closed case is read-only), the person's
 * through {@link ProgressScales}. A measurement is refused for a person who is not a current member of the case's family
 * and for a scale that does not apply to the member's relation.
 */
@Service
public class FamilyProgressService {

    /** What is recorded on a case: {@code occasion} BASELINE, DURING or END. */
    public record NewCaseMeasurement(Long personId, String scale, LocalDate measuredOn, String occasion, BigDecimal value, String note) {}

    /** A measurement as the page lists it: the scale's name and the value's label (option name, ja/nej, %). */
    public record Row(Measurement measurement, String scaleName, String label) {}

    /** A current member, the active scales that apply to them, their measurements (by date) and, for a child, the chart. */
    public record MemberScales(long personId, String name, String relation, List<Scale> scales, List<Row> measurements, ProgressChart chart) {}

    /** The progress page: the case part's header and the members. */
    public record Overview(FamilyPart part, List<MemberScales> members) {}

    private final FamilyCaseService cases;
    private final FamilyConsentService consents;
    private final Families families;
    private final ProgressScales progress;

    FamilyProgressService(FamilyCaseService cases, FamilyConsentService consents, Families families, ProgressScales progress) {
        this.cases = cases;
        this.consents = consents;
        this.families = families;
        this.progress = progress;
    }

    /** The case's members with their scales, measurements and the children's charts; access checked, audited as READ. */
    public Overview read(long caseId) {
        FamilyCase c = cases.readPart(caseId, "fremskridtsmålinger");
        Family f = families.find(c.familyId()).orElseThrow();
        List<Scale> all = progress.scales();
        Map<String, Scale> byCode = new HashMap<>();
        all.forEach(s -> byCode.put(s.code(), s));
        List<Measurement> measured = progress.forCase(caseId);
        List<MemberScales> members = new ArrayList<>();
        for (Member m : f.currentMembers()) {
            List<Row> rows = measured.stream().filter(x -> x.personId() == m.personId()).map(x -> {
                Scale s = byCode.get(x.scale());
                return new Row(x, s == null ? x.scale() : s.name(), s == null ? x.value().toPlainString() : ProgressScaleService.label(s, x.value()));
            }).toList();
            members.add(new MemberScales(m.personId(), m.name(), m.relation().name(),
                    all.stream().filter(Scale::active).filter(s -> applies(s, m.relation())).toList(), rows,
                    m.relation() == Families.Relation.CHILD ? progress.chart(caseId, m.personId()) : null));
        }
        return new Overview(consents.part(c, f), members);
    }

    /** The case's measurements of the persons the user may see, by date; access checked, audited. */
    public List<Measurement> list(long caseId) {
        cases.readPart(caseId, "fremskridtsmålinger");
        return progress.forCase(caseId);
    }

    /** Records a measurement of a current member by the current user; the case must be open. */
    @Transactional
    public Measurement record(long caseId, NewCaseMeasurement n) {
        FamilyCase c = cases.write(caseId, "fremskridtsmåling");
        return progress.record(checked(c, n));
    }

    /** Records a measurement without a signed-in user (demo data): the same member and scale rules, audited. */
    @Transactional
    public Measurement recordSystem(long caseId, NewCaseMeasurement n, String by) {
        return progress.recordSystem(checked(cases.load(caseId), n), by);
    }

    /** Whether a scale is for a member with this relation: CHILD scales for children, PARENT scales for parents and guardians. */
    static boolean applies(Scale s, Families.Relation relation) {
        return switch (s.appliesTo()) {
            case CHILD -> relation == Families.Relation.CHILD;
            case PARENT -> relation.parent();
        };
    }

    private NewMeasurement checked(FamilyCase c, NewCaseMeasurement n) {
        Family f = families.find(c.familyId()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Member> member = n.personId() == null ? Optional.empty()
                : f.currentMembers().stream().filter(m -> m.personId() == n.personId()).findFirst();
        if (member.isEmpty()) problems.add(FieldProblem.of("personId", "familyProgress.member.notMember"));
        Optional<Scale> scale = n.scale() == null ? Optional.empty() : progress.scale(n.scale());
        if (member.isPresent() && scale.isPresent() && !applies(scale.get(), member.get().relation())) {
            problems.add(FieldProblem.of("scale", "familyProgress.scale.notForMember", scale.get().name()));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new NewMeasurement(c.id(), n.personId(), n.scale(), n.measuredOn(), Enums.parseOrNull(Occasion.class, n.occasion()), n.value(), n.note());
    }
}
