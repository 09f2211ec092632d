package dk.vendepunkt.support;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.casework.FollowUpRecorded;
import dk.vendepunkt.casework.ReferredToCoreTeam;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects the casework module's published events (also those published in server threads) for assertions. */
@Component
public class CaseworkEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void closed(EnrolmentClosed e) {
        events.add(e);
    }

    @EventListener
    void followUp(FollowUpRecorded e) {
        events.add(e);
    }

    @EventListener
    void referred(ReferredToCoreTeam e) {
        events.add(e);
    }

    /** The §115 review's referrals to the core team from this meeting. */
    public List<ReferredToCoreTeam> referred(long meetingId) {
        return events.stream().filter(e -> e instanceof ReferredToCoreTeam r && r.meetingId() == meetingId).map(ReferredToCoreTeam.class::cast).toList();
    }

    public List<EnrolmentClosed> closed(long enrolmentId) {
        return events.stream().filter(e -> e instanceof EnrolmentClosed c && c.enrolmentId() == enrolmentId).map(EnrolmentClosed.class::cast).toList();
    }

    public List<FollowUpRecorded> followUps(long enrolmentId) {
        return events.stream().filter(e -> e instanceof FollowUpRecorded c && c.enrolmentId() == enrolmentId).map(FollowUpRecorded.class::cast).toList();
    }
}
