package jp.csr.review.plan;

import java.io.Serializable;

/** A row of the plan's {@code 部署} sheet. */
public record Department(String code, String name, String contact) implements Serializable {
}
