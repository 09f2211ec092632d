package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ValidationException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A programme as data: phases in order, the allowed phase changes, eligibility by age (no upper limit when
 * {@code maxAge} is null), capacity in årspladser per year (null = no fixed capacity) and whether gang-related
 * referrals go first on the waiting list.
 */
public record Programme(String code, String name, String description, int minAge, Integer maxAge, Integer capacityPerYear,
                        boolean gangPriority, boolean active, int version, List<Phase> phases, Set<Transition> transitions) {

    public record Transition(String from, String to) {}

    public Programme {
        phases = phases.stream().sorted(Comparator.comparingInt(Phase::position)).toList();
        transitions = Set.copyOf(transitions);
    }

    public Phase initialPhase() {
        return phases.stream().filter(Phase::initial).findFirst()
                .orElseThrow(() -> new IllegalStateException("Programme " + code + " has no initial phase"));
    }

    public Phase closingPhase() {
        return phases.stream().filter(Phase::closing).findFirst()
                .orElseThrow(() -> new IllegalStateException("Programme " + code + " has no closing phase"));
    }

    public Optional<Phase> phase(String phaseCode) {
        return phases.stream().filter(p -> p.code().equals(phaseCode)).findFirst();
    }

    public String phaseName(String phaseCode) {
        return phase(phaseCode).map(Phase::name).orElse(phaseCode);
    }

    public boolean canMove(String from, String to) {
        return transitions.contains(new Transition(from, to));
    }

    /** The phases a forløb in {@code from} may move to, in phase order (the UI offers only these). */
    public List<Phase> nextPhases(String from) {
        return phases.stream().filter(p -> canMove(from, p.code())).toList();
    }

    /** Refuses a phase change that is not one of the allowed transitions ({@link PhaseChangePolicy#allowedTransition}). */
    public Phase requireTransition(String from, String to) {
        PhaseChangePolicy.allowedTransition(this, from, to).ifPresent(p -> {
            throw new ValidationException(java.util.List.of(p));
        });
        return phase(to).orElseThrow();
    }

    public Eligibility eligibility(int age) {
        if (age < minAge) return Eligibility.TOO_YOUNG;
        if (maxAge != null && age > maxAge) return Eligibility.TOO_OLD;
        return Eligibility.ELIGIBLE;
    }
}
