/**
 * The business calendar of a Chinese government office: which days are working days (weekdays, less statutory
 * holidays, plus the weekend days worked in exchange, 调休), the working hours, and deadlines counted in working time;
 * and loading it, the same way for every service, from the shipped yearly files and an agency's own
 * ({@link org.enquirytriage.calendar.BusinessCalendars}).
 */
package org.enquirytriage.calendar;
