package jp.csr.review.scan;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file the scan found, to be taken by the load step in {@code seq} order.
 *
 * @param path where it lies in the input folder
 * @param sha256 of the bytes seen by the scan
 */
public record Candidate(long jobInstanceId, int seq, Path path, long size, Instant modifiedAt, String sha256) {
}
