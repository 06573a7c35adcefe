package org.enquirytriage.publishing.posts;

import org.enquirytriage.publishing.qa.QaItem;

/**
 * The order in which waiting items are taken into a post (after urgent and scheduled ones): the highest score first.
 * Without another ranking, the score is the demand: how many citizens asked.
 */
public interface ItemRanking {

    /** Demand alone. */
    ItemRanking DEMAND = QaItem::demand;

    double score(QaItem item);
}
