package org.tomcatpush.harness.client.cli;

import org.tomcatpush.harness.client.scenario.AgentSlice;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --agent I/N} ({@link AgentSlice#parse}). Stateless. */
public final class AgentSliceConverter implements ITypeConverter<AgentSlice> {

    @Override
    public AgentSlice convert(String value) {
        try {
            return AgentSlice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
