package org.linkdesk.browse;

/**
 * A bucket in the list: one the profile can list, one it bookmarked, or both.
 *
 * @param listed     ListBuckets reported it
 * @param bookmarked the user bookmarked it for this profile
 */
public record BucketEntry(String name, boolean listed, boolean bookmarked) {
}
