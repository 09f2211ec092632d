package dk.vendepunkt.support;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.casework.FollowUpRecorded;
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

    public List<EnrolmentClosed> closed(long enrolmentId) {
        return events.stream().filter(e -> e instanceof EnrolmentClosed c && c.enrolmentId() == enrolmentId).map(EnrolmentClosed.class::cast).toList();
    }

    public List<FollowUpRecorded> followUps(long enrolmentId) {
        return events.stream().filter(e -> e instanceof FollowUpRecorded c && c.enrolmentId() == enrolmentId).map(FollowUpRecorded.class::cast).toList();
    }
}
