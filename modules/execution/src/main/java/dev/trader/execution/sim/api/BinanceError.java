package dev.trader.execution.sim.api;

/**
 * An error answer exactly as Binance sends it: the HTTP status and the body
 * {@code {"code":..,"msg":".."}}, with the codes and messages of Binance's errors.md. Factories
 * name each one so that callers cannot misspell a message a client matches on.
 */
public record BinanceError(int httpStatus, int code, String msg) {

    public BinanceException exception() {
        return new BinanceException(this);
    }

    private static BinanceError bad(int code, String msg) {
        return new BinanceError(400, code, msg);
    }

    // 10xx

    /** {@code window} as Binance names it: "1 MINUTE", "10 SECOND". */
    public static BinanceError tooMuchWeight(int limit, String window) {
        return new BinanceError(429, -1003, "Too much request weight used; current limit is " + limit
                + " request weight per " + window + ". Please use WebSocket Streams for live updates to avoid polling the API.");
    }

    public static BinanceError banned(long untilMs) {
        return new BinanceError(418, -1003, "Way too much request weight used; IP banned until " + untilMs
                + ". Please use WebSocket Streams for live updates to avoid bans.");
    }

    public static BinanceError tooManyOrders(int limit, String interval) {
        return new BinanceError(429, -1015, "Too many new orders; current limit is " + limit + " orders per " + interval + ".");
    }

    /** The answer of a 5xx fault: Binance's "status unknown" wording; the order may or may not exist. */
    public static BinanceError unknownStatus() {
        return new BinanceError(503, -1000, "Unknown error, please check your request or try again later.");
    }

    /** -1007 TIMEOUT, sent with a 5xx status because its execution status is unknown. */
    public static BinanceError backendTimeout() {
        return new BinanceError(503, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    }

    public static BinanceError filterFailure(String filter) {
        return bad(-1013, "Filter failure: " + filter);
    }

    public static BinanceError timestampOutsideRecvWindow() {
        return bad(-1021, "Timestamp for this request is outside of the recvWindow.");
    }

    public static BinanceError timestampAhead() {
        return bad(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    }

    public static BinanceError badSignature() {
        return bad(-1022, "Signature for this request is not valid.");
    }

    // 11xx

    public static BinanceError illegalChars(String param, String legalRange) {
        return bad(-1100, "Illegal characters found in parameter '" + param + "'; legal range is '" + legalRange + "'.");
    }

    public static BinanceError illegalChars() {
        return bad(-1100, "Illegal characters found in a parameter.");
    }

    public static BinanceError duplicateParameter() {
        return bad(-1101, "Duplicate values for a parameter detected.");
    }

    public static BinanceError mandatory(String param) {
        return bad(-1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    public static BinanceError eitherMandatory(String a, String b) {
        return bad(-1102, "Param '" + a + "' or '" + b + "' must be sent, but both were empty/null!");
    }

    public static BinanceError notRequired(String param) {
        return bad(-1106, "Parameter '" + param + "' sent when not required.");
    }

    public static BinanceError tooMuchPrecision(String param) {
        return bad(-1111, "Parameter '" + param + "' has too much precision.");
    }

    public static BinanceError invalidTimeInForce() {
        return bad(-1115, "Invalid timeInForce.");
    }

    public static BinanceError invalidOrderType() {
        return bad(-1116, "Invalid orderType.");
    }

    public static BinanceError invalidSide() {
        return bad(-1117, "Invalid side.");
    }

    public static BinanceError invalidInterval() {
        return bad(-1120, "Invalid interval.");
    }

    public static BinanceError invalidSymbol() {
        return bad(-1121, "Invalid symbol.");
    }

    public static BinanceError unknownListenKey() {
        return bad(-1125, "This listenKey does not exist.");
    }

    public static BinanceError moreThan24Hours() {
        return bad(-1127, "More than 24 hours between startTime and endTime.");
    }

    public static BinanceError badParamCombination() {
        return bad(-1128, "Combination of optional parameters invalid.");
    }

    public static BinanceError invalidParameter(String param) {
        return bad(-1130, "Data sent for parameter '" + param + "' is not valid.");
    }

    public static BinanceError recvWindowTooLarge(long max) {
        return bad(-1131, "recvWindow must be less than " + max);
    }

    // 20xx: -2010 NEW_ORDER_REJECTED and -2011 CANCEL_REJECTED carry the matching engine's messages

    public static BinanceError insufficientBalance() {
        return bad(-2010, "Account has insufficient balance for requested action.");
    }

    public static BinanceError duplicateOrder() {
        return bad(-2010, "Duplicate order sent.");
    }

    /** Binance's spot wording (errors.md); the futures API says "Order would immediately trigger." */
    public static BinanceError wouldTriggerImmediately() {
        return bad(-2010, "Order would trigger immediately.");
    }

    public static BinanceError marketClosed() {
        return bad(-2010, "Market is closed.");
    }

    public static BinanceError unknownOrderOnCancel() {
        return bad(-2011, "Unknown order sent.");
    }

    public static BinanceError orderDoesNotExist() {
        return bad(-2013, "Order does not exist.");
    }

    public static BinanceError apiKeyFormatInvalid() {
        return new BinanceError(401, -2014, "API-key format invalid.");
    }

    public static BinanceError apiKeyRejected() {
        return new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }
}
