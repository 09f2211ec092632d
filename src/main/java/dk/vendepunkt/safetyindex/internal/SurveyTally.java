package dk.vendepunkt.safetyindex.internal;

/**
 * The survey rows of one district (or the whole city) in one year, summed: the number of rows, and
 * per question the weight of those who answered it and the weight of those who answered 1.
 */
record SurveyTally(long respondents, Question feelsUnsafe, Question victimised, Question crimeBigProblem) {

    static final SurveyTally EMPTY = new SurveyTally(0, Question.NONE, Question.NONE, Question.NONE);

    /** Weight of those who answered (0 or 1) and of those who answered 1. */
    record Question(double answeredWeight, double yesWeight) {
        static final Question NONE = new Question(0, 0);

        Question plus(Question o) {
            return new Question(answeredWeight + o.answeredWeight, yesWeight + o.yesWeight);
        }

        Question plus(double weight, Integer answer) {
            return answer == null ? this : new Question(answeredWeight + weight, yesWeight + (answer == 1 ? weight : 0));
        }

        /** The weighted share answering 1 among those who answered; null when nobody answered. */
        Double share() {
            return answeredWeight > 0 ? yesWeight / answeredWeight : null;
        }
    }

    SurveyTally plus(SurveyTally o) {
        return new SurveyTally(respondents + o.respondents, feelsUnsafe.plus(o.feelsUnsafe), victimised.plus(o.victimised),
                crimeBigProblem.plus(o.crimeBigProblem));
    }

    /** Adds one survey row; answers are 1, 0 or null (not answered). */
    SurveyTally plus(double weight, Integer feelsUnsafeAnswer, Integer victimisedAnswer, Integer crimeBigProblemAnswer) {
        return new SurveyTally(respondents + 1, feelsUnsafe.plus(weight, feelsUnsafeAnswer), victimised.plus(weight, victimisedAnswer),
                crimeBigProblem.plus(weight, crimeBigProblemAnswer));
    }
}
