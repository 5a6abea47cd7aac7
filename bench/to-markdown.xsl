<?xml version="1.0" encoding="UTF-8"?>
<!-- to-markdown.xsl — a report's archival XML as Markdown (headings, paragraphs, lists, pipe tables), the content given to Pandoc in make bench-peers. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:r="urn:baocao:report:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/r:report">
    <xsl:text>---&#10;lang: vi&#10;---&#10;&#10;</xsl:text>
    <xsl:apply-templates select="r:meta/r:type | r:meta/r:title"/>
    <xsl:apply-templates select="r:body | r:closing | r:appendix | r:notes"/>
  </xsl:template>

  <xsl:template match="r:type | r:title"><xsl:text>**</xsl:text><xsl:value-of select="normalize-space(.)"/><xsl:text>**&#10;&#10;</xsl:text></xsl:template>

  <xsl:template match="r:section">
    <xsl:value-of select="substring('######', 1, @level)"/>
    <xsl:text> </xsl:text>
    <xsl:if test="@label"><xsl:value-of select="@label"/><xsl:text>. </xsl:text></xsl:if>
    <xsl:value-of select="normalize-space(r:heading)"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="*[not(self::r:heading)]"/>
  </xsl:template>

  <xsl:template match="r:appendix">
    <xsl:text>&#10;# </xsl:text><xsl:value-of select="normalize-space(r:label)"/><xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="*[not(self::r:label)]"/>
  </xsl:template>

  <xsl:template match="r:p | r:attached | r:heading">
    <xsl:apply-templates/><xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="r:list"><xsl:apply-templates select="r:item"/><xsl:text>&#10;</xsl:text></xsl:template>
  <xsl:template match="r:item"><xsl:text>- </xsl:text><xsl:value-of select="normalize-space(.)"/><xsl:text>&#10;</xsl:text></xsl:template>

  <xsl:template match="r:b"><xsl:text>**</xsl:text><xsl:apply-templates/><xsl:text>**</xsl:text></xsl:template>
  <xsl:template match="r:i"><xsl:text>*</xsl:text><xsl:apply-templates/><xsl:text>*</xsl:text></xsl:template>
  <xsl:template match="r:noteref"/>
  <xsl:template match="r:repeat"/>

  <!-- a pipe table: the first row (of thead, else of tbody) as its header -->
  <xsl:template match="r:table">
    <xsl:variable name="rows" select=".//r:row[not(ancestor::r:repeat)]"/>
    <xsl:apply-templates select="$rows[1]" mode="row"/>
    <xsl:for-each select="$rows[1]/r:cell"><xsl:text>|---</xsl:text></xsl:for-each>
    <xsl:text>|&#10;</xsl:text>
    <xsl:apply-templates select="$rows[position() > 1]" mode="row"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
  <xsl:template match="r:row" mode="row">
    <xsl:for-each select="r:cell">
      <xsl:text>| </xsl:text><xsl:value-of select="translate(normalize-space(.), '|', '/')"/><xsl:text> </xsl:text>
    </xsl:for-each>
    <xsl:text>|&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="text()"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
