package org.cdss.patients;

import com.fasterxml.jackson.annotation.JsonProperty;

/** ABO and Rh blood group as written on the chart ({@code A+}, {@code O-}…), or not known. */
public enum BloodType {
    @JsonProperty("A+")
    A_POS,
    @JsonProperty("A-")
    A_NEG,
    @JsonProperty("B+")
    B_POS,
    @JsonProperty("B-")
    B_NEG,
    @JsonProperty("AB+")
    AB_POS,
    @JsonProperty("AB-")
    AB_NEG,
    @JsonProperty("O+")
    O_POS,
    @JsonProperty("O-")
    O_NEG,
    @JsonProperty("unknown")
    UNKNOWN
}
