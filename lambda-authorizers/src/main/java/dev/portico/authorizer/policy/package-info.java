/**
 * The IAM policy model of authorizer responses: method ARNs, grants, policy documents and the
 * scalar-only context, cache-safe by default.
 *
 * <pre>{@code
 * PolicyDocument.builder().grant(MethodArn.parse(arn), Grant.route("GET /pets/{id}")).build();
 * }</pre>
 */
package dev.portico.authorizer.policy;
