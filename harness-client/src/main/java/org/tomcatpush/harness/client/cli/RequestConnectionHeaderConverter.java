package org.tomcatpush.harness.client.cli;

import org.tomcatpush.harness.client.scenario.RequestConnectionHeader;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --request-connection-header}: {@code keep-alive} or {@code none}. Stateless. */
public final class RequestConnectionHeaderConverter implements ITypeConverter<RequestConnectionHeader> {

    @Override
    public RequestConnectionHeader convert(String value) {
        try {
            return RequestConnectionHeader.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
