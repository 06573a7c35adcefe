/**
 * The enquiry classifier: text features for Chinese (smartcn words and character runs), linear models trained with
 * LIBLINEAR and saved as versioned files, the priority rules, cross-validation and evaluation, and the shipped
 * default kind and topic models. No Spring.
 */
package org.enquirytriage.classifier;
