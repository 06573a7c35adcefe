package org.enquirytriage.triage.casework;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.index.Indexed;

/**
 * The enquiries a case handles (并单): the one it was opened from (the case's id) and those merged into it later;
 * once the case itself was merged into another, the case it went to. Stored unwrapped in the case, as its
 * {@code enquiryIds}, {@code mergedEnquiries} and {@code mergedInto} fields.
 *
 * @param mergedInto the case this one was merged into, {@code null} unless it is {@link CaseStatus#MERGED}
 */
public record CaseEnquiries(@Indexed List<String> enquiryIds, List<MergedEnquiry> mergedEnquiries, String mergedInto) {

    public CaseEnquiries {
        enquiryIds = List.copyOf(enquiryIds);
        mergedEnquiries = mergedEnquiries == null ? List.of() : List.copyOf(mergedEnquiries);
    }

    /** Only the enquiry a case was opened from. */
    static CaseEnquiries own(String caseId) {
        return new CaseEnquiries(List.of(caseId), List.of(), null);
    }

    /**
     * These enquiries and one more.
     *
     * @throws CaseRuleException when the case holds it already
     */
    CaseEnquiries with(String caseId, MergedEnquiry enquiry) {
        if (enquiryIds.contains(enquiry.enquiryId())) {
            throw new CaseRuleException("Enquiry " + enquiry.enquiryId() + " belongs to case " + caseId + " already");
        }
        List<String> ids = new ArrayList<>(enquiryIds);
        ids.add(enquiry.enquiryId());
        List<MergedEnquiry> merged = new ArrayList<>(mergedEnquiries);
        merged.add(enquiry);
        return new CaseEnquiries(ids, merged, mergedInto);
    }

    /** What is left once every merged enquiry went on with the case itself to another case. */
    CaseEnquiries handedOverTo(String otherCaseId) {
        return new CaseEnquiries(enquiryIds, List.of(), otherCaseId);
    }

    /**
     * An enquiry merged into the case, to be split off.
     *
     * @throws CaseRuleException when it is the case's own or not merged into it
     */
    MergedEnquiry merged(String caseId, String enquiryId) {
        if (enquiryId.equals(caseId)) {
            throw new CaseRuleException("Enquiry " + enquiryId + " is the one case " + caseId + " was opened from: "
                    + "split the merged enquiries off it instead");
        }
        return mergedEnquiries.stream().filter(merged -> merged.enquiryId().equals(enquiryId)).findFirst()
                .orElseThrow(() -> new CaseRuleException("Enquiry " + enquiryId + " is not merged into case "
                        + caseId + " (its enquiries: " + enquiryIds + ")"));
    }

    /** These enquiries without one merged into the case. */
    CaseEnquiries without(MergedEnquiry enquiry) {
        return new CaseEnquiries(enquiryIds.stream().filter(id -> !id.equals(enquiry.enquiryId())).toList(),
                mergedEnquiries.stream().filter(merged -> !merged.equals(enquiry)).toList(), mergedInto);
    }
}
