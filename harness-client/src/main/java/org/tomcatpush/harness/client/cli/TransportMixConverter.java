package org.tomcatpush.harness.client.cli;

import org.tomcatpush.harness.client.scenario.TransportMix;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --transport}: one transport or a weighted mix ({@link TransportMix#parse}). Stateless. */
public final class TransportMixConverter implements ITypeConverter<TransportMix> {

    @Override
    public TransportMix convert(String value) {
        try {
            return TransportMix.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
