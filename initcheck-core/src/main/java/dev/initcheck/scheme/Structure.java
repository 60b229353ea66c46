package dev.initcheck.scheme;

/** How the entries of a tensor relate: independent draws, or the rows/columns of a scaled orthogonal matrix. */
public enum Structure {
    /** Independent, identically distributed entries. */
    IID,
    /** gain·Q with orthonormal rows (rows &le; cols) or columns: checked as W·Wᵀ = gain²·I. */
    ORTHOGONAL
}
