-- outcomes (issue 13, part 8): the children's forløb in the family programme are measured like Exit's.
alter table out_enrolment drop constraint out_enrolment_programme_check;
alter table out_enrolment add constraint out_enrolment_programme_check
    check (programme in ('EXIT', 'KIV', 'RAMMEMODEL', 'SSP_PLUS', 'FAMILY'));
