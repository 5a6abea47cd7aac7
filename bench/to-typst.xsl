<?xml version="1.0" encoding="UTF-8"?>
<!-- to-typst.xsl — a report's archival XML as Typst markup (headings, paragraphs, lists, tables), the content given to Typst in make bench-peers. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:r="urn:baocao:report:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <!-- the page of ND 30: A4, margins 20-25 / 30-35 / 15-20 mm, 13-14 pt serif, justified -->
  <xsl:template match="/r:report">
    <xsl:text>#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm), numbering: "1")&#10;</xsl:text>
    <xsl:text>#set text(font: "Liberation Serif", size: 14pt, lang: "vi")&#10;</xsl:text>
    <xsl:text>#set par(justify: true, first-line-indent: 1cm)&#10;</xsl:text>
    <xsl:text>#show table: set text(size: 11pt)&#10;#show table: set par(justify: false)&#10;&#10;</xsl:text>
    <xsl:apply-templates select="r:meta/r:type | r:meta/r:title"/>
    <xsl:apply-templates select="r:body | r:closing | r:appendix | r:notes"/>
  </xsl:template>

  <xsl:template match="r:type | r:title">
    <xsl:text>#align(center)[*</xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
    <xsl:text>*]&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="r:section">
    <xsl:value-of select="substring('======', 1, @level)"/>
    <xsl:text> </xsl:text>
    <xsl:if test="@label">
      <xsl:call-template name="esc"><xsl:with-param name="s" select="@label"/></xsl:call-template>
      <xsl:text>. </xsl:text>
    </xsl:if>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(r:heading)"/></xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="*[not(self::r:heading)]"/>
  </xsl:template>

  <xsl:template match="r:appendix">
    <xsl:text>#set page(flipped: true)&#10;= </xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(r:label)"/></xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="*[not(self::r:label)]"/>
  </xsl:template>

  <xsl:template match="r:p | r:attached | r:heading">
    <xsl:apply-templates/><xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="r:list"><xsl:apply-templates select="r:item"/><xsl:text>&#10;</xsl:text></xsl:template>
  <xsl:template match="r:item">
    <xsl:text>- </xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="r:b"><xsl:text>#strong[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text></xsl:template>
  <xsl:template match="r:i"><xsl:text>#emph[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text></xsl:template>
  <xsl:template match="r:noteref"/>
  <xsl:template match="r:repeat"/>

  <!-- a table with its head rows repeated on every page and its spans, as baocao sets it -->
  <xsl:template match="r:table">
    <xsl:text>#table(columns: </xsl:text>
    <xsl:value-of select="@cols"/>
    <xsl:text>,&#10;</xsl:text>
    <xsl:if test="r:thead">
      <xsl:text>table.header(</xsl:text>
      <xsl:apply-templates select="r:thead/r:row/r:cell" mode="cell"/>
      <xsl:text>),&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="r:tbody/r:row | r:row">
      <xsl:apply-templates select="r:cell" mode="cell"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>)&#10;&#10;</xsl:text>
  </xsl:template>
  <xsl:template match="r:cell" mode="cell">
    <xsl:text>table.cell(</xsl:text>
    <xsl:if test="@colspan">colspan: <xsl:value-of select="@colspan"/>, </xsl:if>
    <xsl:if test="@rowspan">rowspan: <xsl:value-of select="@rowspan"/>, </xsl:if>
    <xsl:if test="@align = 'right'">align: right, </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
    <xsl:text>], </xsl:text>
  </xsl:template>

  <xsl:template match="text()"><xsl:call-template name="esc"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:template>
  <xsl:template match="*"><xsl:apply-templates/></xsl:template>

  <!-- Typst's markup characters, each after a backslash; one character class a step, so the
       recursion is as deep as that character's count in s, not as s is long -->
  <xsl:template name="esc">
    <xsl:param name="s"/>
    <xsl:param name="chars" select="'\#*_`$&lt;&gt;@[]~=-+/'"/>
    <xsl:variable name="c" select="substring($chars, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c = ''"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="contains($s, $c)">
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring-before($s, $c)"/>
          <xsl:with-param name="chars" select="substring($chars, 2)"/>
        </xsl:call-template>
        <xsl:text>\</xsl:text><xsl:value-of select="$c"/>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring-after($s, $c)"/>
          <xsl:with-param name="chars" select="$chars"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="chars" select="substring($chars, 2)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
