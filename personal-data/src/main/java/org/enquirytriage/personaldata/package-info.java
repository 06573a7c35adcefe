/**
 * Personal data in citizens' texts: one set of patterns ({@link org.enquirytriage.personaldata.PersonalDataRule}),
 * masked by intake before a text is stored or passed on ({@link org.enquirytriage.personaldata.PersonalDataMasker})
 * and looked for by publishing before a Q&amp;A item may go out
 * ({@link org.enquirytriage.personaldata.PersonalDataDetector}).
 */
package org.enquirytriage.personaldata;
